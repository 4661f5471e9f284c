export * from './model';
export * from './templates';
export * from './outcomes';
export * from './draft';
export * from './chartSvg';
export * from './medicines';
export * from './proposal';
