// The /v1 request schemas (one per endpoint) and answer objects. Browser-safe.
export * from './billing-configurations';
export * from './common';
export * from './custom-fields';
export * from './customers';
export * from './objects';
export * from './portal-id';
export * from './usage';
