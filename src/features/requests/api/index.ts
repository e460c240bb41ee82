export { type ListView, requestQueries } from './request-queries.ts';
