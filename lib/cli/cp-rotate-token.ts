/**
 * npm run cp:rotate-token — the control plane's only way to get cp-service@idp.local's token: replaces it and prints
 * the new value once on stdout (everything else goes to stderr). The previous token stops working at once.
 */
import { announceAdmin, bootstrap } from "../bootstrap";
import { closeDb } from "../db";
import { rotateControlPlaneToken } from "../tokens/control-plane";
import { runCli } from "./args";

runCli(async () => {
  try {
    announceAdmin(await bootstrap(), console.error);
    const { token, prefix } = await rotateControlPlaneToken();
    console.error(`Rotated the control plane's token (now ${prefix}…). It is shown only this once:`);
    console.log(token);
  } finally {
    await closeDb();
  }
});
