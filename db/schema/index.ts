export * from './customers';
export * from './price-plans';
export * from './audit';
export * from './auth';
export * from './api-keys';
export * from './usage';
export * from './customer-imports';
