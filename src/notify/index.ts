/**
 * The notify domain (issue 11, decision 0021): what citizens are told, in their language, on
 * the channels they chose, and their answers through a signed, single-use reply link.
 */
export {
  NOTICE_KINDS,
  REPLY_CHOICES,
  REPLY_SUBJECTS,
  renderNotice,
  type NoticeFacts,
  type NoticeKind,
  type RenderedNotice,
  type ReplyChoice,
  type ReplySubject,
} from './notice.ts';
export {
  forgetNotices,
  purgeReplyLinks,
  sendNotice,
  type Notice,
  type NoticeRecipient,
} from './notify.service.ts';
export { NOTE_MAX, type ReplyFacts, type ReplyHandler } from './reply.ts';
export { configureNotify, settingsFrom, type NotifySettings } from './settings.ts';
