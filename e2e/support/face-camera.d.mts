export type FaceName = "alice" | "other";
export type Rgba = { width: number; height: number; data: Uint8Array | Uint8ClampedArray };
export declare const FACES: Record<FaceName, { photo: string; crop: [number, number, number, number] }>;
/** A sample photo of @vladmandic/face-api (sample1.jpg … sample6.jpg), decoded to RGBA. */
export declare function decodeSample(photo: string): Rgba;
/** RGBA pixels of the crop (x, y, width, height), scaled (bilinear) to width×height (640×480 unless given). */
export declare function cropScaled(image: Rgba, crop: [number, number, number, number], width?: number, height?: number): Uint8ClampedArray;
/** RGBA pixels as a JPEG of the given quality. */
export declare function encodeJpeg(rgba: Uint8Array | Uint8ClampedArray, width?: number, height?: number, quality?: number): Buffer;
/** One of FACES as a 640×480 JPEG, as a camera frame would be. */
export declare function faceJpeg(name: FaceName, quality?: number): Buffer;
/** Writes the fake-camera y4m of one face into the OS temp folder; returns its absolute path. */
export declare function fakeCameraFile(name: FaceName): string;
