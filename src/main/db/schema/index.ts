export * from './foundation';
export * from './intake';
export * from './sessions';
export * from './assessments';
export * from './letters';
export * from './research';
export * from './checkIn';
