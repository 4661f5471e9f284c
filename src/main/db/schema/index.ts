export * from './foundation';
export * from './intake';
