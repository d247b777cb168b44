// The one place the renderer reaches into electron/common. Everything there is pure types
// and constants with no runtime imports, so the two constants below add a few bytes to the
// bundle and nothing else.
export type {
  Args,
  CaseInfo,
  CaseListEntry,
  DesktopBridge,
  EngineEventName,
  EngineEvents,
  Envelope,
  EventFilter,
  IngestFileRequest,
  IngestFileResult,
  IngestProgress,
  MenuCommand,
  Method,
  Result,
  SerializedError,
} from '../../electron/common/protocol';
export { ENGINE_PORT_MESSAGE, MENU_COMMAND_MESSAGE } from '../../electron/common/protocol';

export type {
  EventColumn,
  EventDetail,
  EventRow,
  EvidenceStatus,
  EvidenceSummary,
  RejectedRecord,
} from '../../electron/common/schema';
export { EVENT_CATEGORIES, EVENT_COLUMNS } from '../../electron/common/schema';

export type {
  Bookmark,
  Acquisition,
  CaseEditableField,
  CustodyLogEntry,
  CustodyStatus,
  EvidenceEdit,
  EvidenceEditableField,
  EvidenceVerification,
  NoteInfo,
  NoteRevision,
  TagInfo,
} from '../../electron/common/custody';
