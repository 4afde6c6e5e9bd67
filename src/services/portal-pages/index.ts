/** The portal's editable column pages (信息公开指南, 信息公开制度): use cases and markup. */
export { getPortalPage, getPublishedPortalPage, listPortalPages } from './get-page.ts';
export {
  type Block,
  GUIDE_ELEMENTS,
  isPortalPageKind,
  missingGuideElements,
  PORTAL_PAGE_KINDS,
  PORTAL_PAGE_LABELS,
  PORTAL_PAGE_PATHS,
  type PortalPageKind,
  parseBlocks,
} from './model.ts';
export { type SavePortalPageResult, savePortalPage } from './save-page.ts';
export { type SavePortalPageInput, SavePortalPageSchema } from './schemas.ts';
