const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from URLs are untrusted strings: anything that is not a UUID is simply not found. */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);
