/** Channels of the assessments workflow. */
export const assessmentsChannels = {};
