export * from './catalog';
export * from './comparison';
export * from './numbers';
export * from './schedule';
export * from './scoring';
export * from './custom';
export * from './esasForm';
