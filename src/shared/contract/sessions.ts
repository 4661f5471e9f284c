/** Channels of the sessions workflow. */
export const sessionsChannels = {};
