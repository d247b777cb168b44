// The column layout follows the family the query bar narrows the view to.
import { describe, expect, it } from 'vitest';
import { queryFamily } from '../../../renderer/src/features/timeline/source-family';

const chip = (text: string, enabled = true, negated = false) => ({ text, enabled, negated });

describe('queryFamily', () => {
  it('takes the family of a switched-on category: or source_format: clause', () => {
    expect(queryFamily([chip('host:ws1'), chip('category:web')])).toBe('proxy');
    expect(queryFamily([chip('category:process')])).toBe('edr');
    expect(queryFamily([chip('source_format:fortigate-kv')])).toBe('firewall');
    expect(queryFamily([chip('source_format:"squid"')])).toBe('proxy');
  });

  it('ignores switched-off and inverted clauses, and categories no family owns', () => {
    expect(queryFamily([chip('category:web', false)])).toBeNull();
    expect(queryFamily([chip('category:web', true, true)])).toBeNull();
    expect(queryFamily([chip('category:network')])).toBeNull();
    expect(queryFamily([chip('(category:web OR category:process)')])).toBeNull();
    expect(queryFamily([])).toBeNull();
  });
});
