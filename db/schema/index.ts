export * from './customers';
export * from './price-plans';
