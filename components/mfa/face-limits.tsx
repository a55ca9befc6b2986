import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FACE_CALIBRATION } from "@/lib/face/model";

/**
 * The measured error rates of Gatehouse's face matching (lib/face/model.ts, checked by lib/face/calibration.test.ts).
 * null would show "not measured" rather than a made-up figure.
 */
export type FaceErrorRates = {
  /** e.g. "0 of 1,554 impostor pairs" */
  falseAccept: string;
  /** e.g. "0 of 63 genuine pairs" */
  falseReject: string;
  /** what the figures were measured on */
  measuredOn: string;
};
const c = FACE_CALIBRATION;
export const FACE_MEASURED_ERROR_RATES: FaceErrorRates | null = {
  falseAccept: `${c.falseAccepts} of ${c.impostorPairs.toLocaleString("en")} pairs of different people (highest similarity ${c.impostorMax.toFixed(2)} against a threshold of ${c.threshold})`,
  falseReject: `${c.falseRejects} of ${c.genuinePairs} altered pictures of the same face (lowest similarity ${c.genuineMin.toFixed(2)})`,
  measuredOn: `${c.faces} faces from six sample photos, each also mirrored, halved and darkened — a tiny set that says nothing about people who look alike`,
};

/** Settings → MFA: what an admin must know before turning facial recognition on, in plain language. */
export function FaceLimits({ rates = FACE_MEASURED_ERROR_RATES }: { rates?: FaceErrorRates | null }) {
  return (
    <Card aria-labelledby="face-limits">
      <CardHeader id="face-limits" title="Facial recognition: know its limits" description="Off by default. Turn it on only if its convenience is worth these trade-offs for your people." />
      <CardBody>
        <ul className="list-disc space-y-2 pl-5 text-sm text-zinc-700">
          <li>
            <strong>A photo or a replayed video can defeat it.</strong> Checks for a live person are weak: a good picture of someone, shown to the camera
            or fed through a virtual camera, may pass. Nothing in a browser can prove the pictures come from a real camera.
          </li>
          <li>
            <strong>It makes mistakes.</strong>{" "}
            {rates ? (
              <>
                Measured on {rates.measuredOn}: wrongly accepted: {rates.falseAccept}; wrongly refused: {rates.falseReject}. Real-world rates (lighting,
                glasses, ageing, cameras) can be worse, and such models are known to be less accurate for some groups of people.
              </>
            ) : (
              <>Its error rates have not been measured on data like yours; lighting, glasses, ageing and cameras all make them worse.</>
            )}
          </li>
          <li>
            <strong>Biometric data is sensitive.</strong> Face templates are special-category personal data (GDPR Art. 9; laws such as BIPA elsewhere).
            Each person must give explicit consent before enrolling, and can delete their templates at any time. Gatehouse keeps at most 5 encrypted
            templates per person and never an image, but a face cannot be changed like a password if templates leak.
          </li>
          <li>
            <strong>Never anyone&apos;s only factor.</strong> It is offered only to people who have another method (authenticator app, passkey, or a code by
            text or email), that other method is always offered next to it at sign-in, and it never counts as an administrator&apos;s only factor.
          </li>
          <li>
            <strong>Passkeys are the better choice</strong> for the same convenience: they use the device&apos;s own face or fingerprint unlock, keep the
            biometric on the device, and resist phishing.
          </li>
        </ul>
      </CardBody>
    </Card>
  );
}
