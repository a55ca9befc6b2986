/**
 * Where the browser loads @vladmandic/human from: Gatehouse's own /vendor/human route (app/vendor/human), never a CDN.
 * The version is part of the path so the year-long immutable cache can never serve a stale bundle after an upgrade;
 * the route refuses any other version (keep it equal to the installed package, see package.json).
 */
export const HUMAN_VERSION = "3.3.6";
export const HUMAN_VENDOR_BASE = `/vendor/human/${HUMAN_VERSION}/`;
