/** Stored with each template: templates from another model (or version) are never compared with this one's. */
export const FACE_MODEL = "human-3.3.6/faceres";
/** faceres descriptors have 1024 dimensions. */
export const DESCRIPTOR_LENGTH = 1024;
