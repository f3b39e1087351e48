'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ToggleField } from '@/components/controls';
import { useUrlConfig } from '@/components/state/urlState';
import { useLinkNotices } from '@/components/state/useLinkNotices';
import { CONFIG_KEYS, oneNoticePerKey, unknownKeyNotices, type Notice } from '@/lib/config/url';
import { ChartsPanel } from './ChartsPanel';
import { CompareTable } from './CompareTable';
import { ConfigControls } from './ConfigControls';
import { CopyLinkButton } from './CopyLinkButton';
import { Headline } from './Headline';
import { NoticeBanner } from './NoticeBanner';
import { PaperCheckPanel } from './PaperCheckPanel';
import { COMPARE_KEY, COMPARE_PREFIX, hasSecondConfig, useCompareFlag } from './useCompareFlag';
import { useEstimates } from './useEstimates';
import styles from './playground.module.css';

/** True for a key the playground reads: the configuration, `cmp` and the second configuration under `b.`. */
function isPlaygroundKey(key: string): boolean {
  if (CONFIG_KEYS.has(key) || key === COMPARE_KEY) return true;
  return key.startsWith(COMPARE_PREFIX) && CONFIG_KEYS.has(key.slice(COMPARE_PREFIX.length));
}

/** Lists the keys of the playground's link that no setting reads. */
function readPlaygroundLink(search: string): Notice[] {
  return unknownKeyNotices(search, isPlaygroundKey);
}

/**
 * The playground: every control of the configuration kept in the URL, its cost, the
 * charts, the paper check and, on request, a second configuration B (URL keys `b.…`).
 */
export function Playground() {
  const a = useUrlConfig();
  const b = useUrlConfig(COMPARE_PREFIX);
  const { compare, notice: compareNotice, setCompare, dismissNotice: dismissCompareNotice } = useCompareFlag();
  const estimatesA = useEstimates(a.config);
  const estimatesB = useEstimates(b.config);

  const [unknownNotices, dismissUnknown] = useLinkNotices(readPlaygroundLink);
  const notices = useMemo(
    () => oneNoticePerKey([...a.notices, ...(compare ? b.notices : []), ...(compareNotice ? [compareNotice] : []), ...unknownNotices]),
    [a.notices, b.notices, compare, compareNotice, unknownNotices],
  );
  const { dismissNotices: dismissA, flush: flushA, config: configA } = a;
  const { dismissNotices: dismissB, flush: flushB, setConfig: setConfigB } = b;
  // Read by toggleCompare, so the toggle keeps one callback while a slider moves A.
  const configARef = useRef(configA);
  useEffect(() => {
    configARef.current = configA;
  }, [configA]);

  const dismissAll = useCallback(() => {
    dismissA();
    dismissB();
    dismissCompareNotice();
    dismissUnknown();
  }, [dismissA, dismissB, dismissCompareNotice, dismissUnknown]);

  const flush = useCallback(() => {
    flushA();
    flushB();
  }, [flushA, flushB]);

  const toggleCompare = useCallback(
    (on: boolean) => {
      flush();
      const keepB = hasSecondConfig(window.location.search);
      setCompare(on);
      // B starts as a copy of A, so changing one control shows that control's effect.
      if (on && !keepB) setConfigB(configARef.current);
    },
    [flush, setCompare, setConfigB],
  );

  const ready = a.ready && b.ready;
  // `ready` is set after mount, so reading the URL here cannot differ from the server render.
  const [ignoredBDismissed, setIgnoredBDismissed] = useState(false);
  const showIgnoredB = ready && !compare && !ignoredBDismissed && hasSecondConfig(window.location.search);
  return (
    <div className={styles.playground} data-ready={ready ? 'true' : 'false'} aria-busy={!ready}>
      <div className={styles.toolbar}>
        <ToggleField label="Compare with another configuration" checked={compare} onChange={toggleCompare} />
        <CopyLinkButton flush={flush} />
      </div>
      <NoticeBanner notices={notices} onDismiss={dismissAll} />
      {showIgnoredB && (
        <div role="status" className={styles.notice}>
          <p>The link has b. keys, which are ignored unless cmp=1. Turn on comparison to use them.</p>
          <button type="button" className={styles.secondaryButton} onClick={() => toggleCompare(true)}>
            Turn on comparison
          </button>{' '}
          <button type="button" className={styles.secondaryButton} onClick={() => setIgnoredBDismissed(true)}>
            Dismiss
          </button>
        </div>
      )}

      <div className={styles.layout}>
        <div className={styles.headline}>
          <Headline estimates={estimatesA} title={compare ? 'Configuration A' : 'Estimate'} />
        </div>

        <aside className={styles.panel} aria-label="Controls">
          <h2 className={styles.panelTitle}>{compare ? 'Configuration A' : 'Configuration'}</h2>
          <ConfigControls state={a} name={compare ? 'Configuration A' : 'Configuration'} />
          {compare && (
            <details open className={styles.secondControls}>
              <summary>
                <h2 className={styles.panelTitle}>Configuration B</h2>
              </summary>
              <ConfigControls state={b} name="Configuration B" />
            </details>
          )}
        </aside>

        {compare && (
          <section className={`${styles.card} ${styles.main}`} aria-labelledby="compare-title">
            <h2 id="compare-title">Comparison</h2>
            <CompareTable a={estimatesA.result} b={estimatesB.result} nameA={estimatesA.name} nameB={estimatesB.name} />
          </section>
        )}

        <div className={styles.main}>
          <ChartsPanel a={estimatesA} b={compare ? estimatesB : null} />
        </div>

        <div className={styles.main}>
          <PaperCheckPanel config={a.config} />
        </div>
      </div>
    </div>
  );
}
