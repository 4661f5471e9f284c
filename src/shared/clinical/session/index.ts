export * from './thresholds';
export * from './redFlags';
export * from './safetyScreen';
export * from './boneRestrictions';
export * from './exerciseLibrary';
export * from './prescription';
export * from './screenContext';
export * from './screenCompleteness';
