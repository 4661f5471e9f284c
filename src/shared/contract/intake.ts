/** Channels of the intake workflow. */
export const intakeChannels = {};
