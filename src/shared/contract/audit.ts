/** Channels for reading the audit trail: a patient's history of changes. */
export const auditChannels = {};
