import type { CSSProperties, ReactNode } from 'react';
import { useT } from '../../i18n';
import { clampPane, paneSizes } from './pane-sizes';
import { Splitter } from './Splitter';
import './strings';

interface Props {
  /** Facets and saved searches (the search feature fills it); omitted in views without it. */
  left?: ReactNode;
  centre: ReactNode;
  /** The selected event. */
  right: ReactNode;
}

/**
 * The workspace's three panes (UI.md): left facets, centre query + histogram + grid, right
 * event detail. Side panes resize by their splitters and fold away; sizes are remembered.
 */
export function WorkspacePanes({ left, centre, right }: Props) {
  const t = useT();
  const [sizes, setSizes] = paneSizes.use();
  const hasLeft = left !== undefined;
  const showLeft = hasLeft && sizes.leftOpen;
  // A folded pane leaves a narrow rail with the button that unfolds it.
  const columns = [
    ...(hasLeft ? (showLeft ? [`${sizes.left}px`, '5px'] : ['16px']) : []),
    'minmax(0, 1fr)',
    ...(sizes.rightOpen ? ['5px', `${sizes.right}px`] : ['16px']),
  ].join(' ');
  const fold = (side: 'left' | 'right', open: boolean) => (
    <button
      type="button"
      className={`pane-fold ${side}${open ? '' : ' rail'}`}
      onClick={() => setSizes({ ...sizes, [side === 'left' ? 'leftOpen' : 'rightOpen']: !open })}
      title={t(`workspace.${open ? 'hide' : 'show'}${side === 'left' ? 'Left' : 'Right'}`)}
      aria-label={t(`workspace.${open ? 'hide' : 'show'}${side === 'left' ? 'Left' : 'Right'}`)}
      aria-expanded={open}
      data-testid={`toggle-${side}-pane`}
    >
      {(side === 'left') === open ? '‹' : '›'}
    </button>
  );
  return (
    <div className="workspace panes" style={{ gridTemplateColumns: columns } as CSSProperties} data-testid="workspace">
      {hasLeft &&
        (showLeft ? (
          <>
            <aside className="pane pane-left" aria-label={t('workspace.leftPane')} data-testid="pane-left">
              {fold('left', true)}
              {left}
            </aside>
            <Splitter
              label={t('workspace.resizeLeft')}
              width={sizes.left}
              direction={1}
              onWidth={(w) => setSizes({ ...sizes, left: clampPane('left', w) })}
              testId="splitter-left"
            />
          </>
        ) : (
          <div className="pane-rail">{fold('left', false)}</div>
        ))}
      <div className="pane pane-centre">{centre}</div>
      {sizes.rightOpen ? (
        <>
          <Splitter
            label={t('workspace.resizeRight')}
            width={sizes.right}
            direction={-1}
            onWidth={(w) => setSizes({ ...sizes, right: clampPane('right', w) })}
            testId="splitter-right"
          />
          <div className="pane pane-right" data-testid="pane-right">
            {fold('right', true)}
            {right}
          </div>
        </>
      ) : (
        <div className="pane-rail">{fold('right', false)}</div>
      )}
    </div>
  );
}
