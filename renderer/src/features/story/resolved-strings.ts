// Strings of ResolvedNote.tsx: a host name inferred from an address.
import { registerStrings } from '../../i18n';

registerStrings({
  en: {
    'story.resolvedFrom': '{ip}, resolved to {host} from {evidence}',
    'story.resolvedTo': '{ip}, resolved to {host}',
    'story.resolvedSpan': 'The evidence shows this host with this address from {first} to {last}',
  },
  ja: {
    'story.resolvedFrom': '{ip}（{evidence} の記録から {host} と判定）',
    'story.resolvedTo': '{ip}（{host} と判定）',
    'story.resolvedSpan': 'この端末がこのアドレスを使っていた記録: {first} ～ {last}',
  },
});
