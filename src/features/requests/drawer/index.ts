export { RequestDrawer } from './request-drawer.tsx';
