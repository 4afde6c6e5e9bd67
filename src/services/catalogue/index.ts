/** The catalogue use cases (主动公开目录) the portal, the back office and the CLI call. */
export { type AddAttachmentResult, addAttachment, type NewAttachment } from './add-attachment.ts';
export { type ReindexSummary, reindexAll } from './index-item.ts';
export { type InterpretationLink, linkInterpretation } from './link-interpretation.ts';
export { type PublishItemResult, publishItem } from './publish-item.ts';
export { getItem, type ItemDetail, type ItemPage, listItems } from './query-items.ts';
export { repealItem } from './repeal-item.ts';
export { type SaveItemResult, saveItem } from './save-item.ts';
export type {
  LinkInterpretationInput,
  ListItemsInput,
  PublishItemInput,
  RepealItemInput,
  SaveItemInput,
} from './schemas.ts';
export { setAgencyOrgCode } from './set-org-code.ts';
