// Every module that registers a custody replay effect, loaded by each entry point that opens
// cases (the RPC service, the CLI) before it opens one: replaying a journal entry whose effect
// is not loaded fails loudly (custody/effects.ts) rather than rebuilding a different case.
// A feature adding a 'state' custody action adds its module here.
import '../custody/apply';
import '../custody/save-mapping';
import '../detect/case-ioc-files';
import '../detect/review';
import '../incident/apply';
// Report sections of features above export (export/pdf/feature-sections.ts).
import '../incident/report-section';
import '../investigate/annotations';
import '../custody/saved-searches';
