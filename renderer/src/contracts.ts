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
export type { IngestedIndicatorFile } from '../../electron/common/indicator-intake';
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

export type {
  BeaconCandidate,
  DetectResult,
  Finding,
  FindingReview,
  Incident,
  InfectedHost,
  IocHit,
  RuleProblem,
  Severity,
  Stage,
  StoryStep,
  WebIncident,
} from '../../electron/common/detect';
export type { CaseIocFile, FindingReviewRecord, IocFileRequest, ReviewVerdict } from '../../electron/common/detect-review';
export type { CodedParam, CodedText } from '../../electron/common/coded-text';
export { STORY_TEXTS } from '../../electron/common/engine-texts/story';
export { ERROR_TEXTS } from '../../electron/common/engine-texts/errors';

export type { ChoosableEncoding, IngestChoices, ZipEntryOutcome } from '../../electron/common/ingest-options';
export { CHOOSABLE_ENCODINGS, formatSkew, MAX_BASE_YEAR, MIN_BASE_YEAR, parseSkew } from '../../electron/common/ingest-options';
export type { FormatInfo } from '../../electron/common/schema';

export type {
  ColumnMapping,
  ColumnProposal,
  MappingPreviewRow,
  MappingProposal,
  MappingTarget,
  SavedMapping,
  TimestampFormatId,
} from '../../electron/common/import-mapping';
export { MAPPING_TARGETS, TIMESTAMP_FORMATS, TIMESTAMP_FORMAT_LABELS } from '../../electron/common/import-mapping';

export type { ExportDetection, ExportedFileInfo, ExportFormat, ExportLanguage, ExportRunArgs, ExportRunResult } from '../../electron/common/export';
export { EXPORT_EXTENSIONS, EXPORT_FORMATS } from '../../electron/common/export';

export type {
  PackageCheck,
  PackageManifest,
  PackageProblem,
  PackageExportArgs,
  PackageExportResult,
  PackageVerification,
  ReviewInfo,
} from '../../electron/common/package';
export { REVIEW_REPORT_URL } from '../../electron/common/package';

export type {
  AttributedEvent,
  BulkTagResult,
  CountedValue,
  CommentNode,
  EventAnnotations,
  HistogramResult,
  HistogramStack,
  HostView,
  NeighbourResult,
  PivotOption,
  PivotResult,
  ProcessNode,
  ProcessTreeResult,
} from '../../electron/common/investigate';
export type {
  EventPage,
  EventSort,
  Facet,
  FacetField,
  FacetResult,
  FacetValue,
  FtsState,
  PageAt,
  PageCursor,
  QueryParse,
  SavedSearch,
  SortColumn,
} from '../../electron/common/workspace';
export { FACET_FIELDS, SORTABLE_COLUMNS } from '../../electron/common/workspace';
export type { AskAnswer, AskHistoryEntry, AskResult, AskTimeline, AskValue, AcceptedSummary, TriageSummary } from '../../electron/common/assist';
