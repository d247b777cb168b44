// The one-key star (the keyboard's `t` calls toggleStar with the selected event): a tag
// "starred" recorded in the custody log like any tag.
import type { EngineClient } from '../../client/engine-client';
import type { EventAnnotations } from '../../contracts';

export const ANNOTATIONS_CHANGED_EVENT = 'tracelight:annotations-changed';

export async function toggleStar(client: EngineClient, eventId: number): Promise<EventAnnotations> {
  const now = await client.call('annotations.forEvent', { eventId });
  const next = await client.call('annotations.star', { eventId, starred: !now.starred });
  window.dispatchEvent(new CustomEvent(ANNOTATIONS_CHANGED_EVENT, { detail: { eventId } }));
  return next;
}
