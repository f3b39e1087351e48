'use client';
/**
 * The explainer article: the URL's configuration, its cost and vanilla FiD's cost at
 * the same sizes, handed to every section. Sections, figures and the control strip all
 * read and write this one configuration, so prose and figures always show one state.
 */
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { describeModel, type Config } from '@/lib/config/config';
import { vanillaFid } from '@/lib/config/presets';
import { CONFIG_KEYS, normalizeConfig, parseConfig, toSearchParams, unknownKeyNotices, type Notice } from '@/lib/config/url';
import { PRESENT_PARAM, SLIDE_PARAM } from '@/lib/lecture/slides';
import { evaluate } from '@/lib/cost';
import { enterLecture, usePresenting } from '@/components/lecture/usePresenting';
import { EMBEDDED_LIVE_PREFIX as LIVE_PREFIX, LIVE_EXTRA_KEYS } from '@/lib/fido/urlKeys';
import { useUrlConfig } from '@/components/state/urlState';
import { useLinkNotices } from '@/components/state/useLinkNotices';
import { clampTinyConfig } from '@/lib/fido/protocol';
import { TINY_FIDO_CONFIG } from '@/lib/fido/presets';
import { ARTICLE_SECTIONS, type ArticleState } from './sections';
import { SectionLink } from './SectionLink';
import { useHashSettle } from './useHashSettle';
import styles from './article.module.css';
import { describeNoticeOutcome } from '@/lib/config/schema';

// Lecture mode and its QR code library load only when the URL has present=1.
const ArticleLecture = lazy(async () => {
  const { LectureMode } = await import('@/components/lecture/LectureMode');
  function ArticleLectureMode({ state }: { state: ArticleState }) {
    return <LectureMode<ArticleState> sections={ARTICLE_SECTIONS} state={state} />;
  }
  return { default: ArticleLectureMode };
});

// The control strip hydrates from its own chunk, which keeps the first load small.
const ArticleControls = lazy(async () => ({ default: (await import('./ArticleControls')).ArticleControls }));

/** True for a key the article reads: the configuration, lecture mode and the embedded bench's `live.` keys. */
function isArticleKey(key: string): boolean {
  if (CONFIG_KEYS.has(key) || key === PRESENT_PARAM || key === SLIDE_PARAM) return true;
  if (!key.startsWith(LIVE_PREFIX)) return false;
  const rest = key.slice(LIVE_PREFIX.length);
  return CONFIG_KEYS.has(rest) || LIVE_EXTRA_KEYS.has(rest);
}

/**
 * Lists what the article's link carries beyond its own configuration, so the top of the
 * page reports the whole link. These are the embedded bench's `live.` values that cannot
 * be used, which the bench also lists once it loads, and keys that no setting reads. A
 * bench default lowered to fit other values is left to the bench, as the link lacks its key.
 */
function readArticleLink(search: string): Notice[] {
  const params = toSearchParams(search);
  const live = parseConfig(params, LIVE_PREFIX, TINY_FIDO_CONFIG);
  const liveNotices = clampTinyConfig(live.config, LIVE_PREFIX, live.notices).notices.filter((notice) => params.has(notice.key));
  return [...liveNotices, ...unknownKeyNotices(params, isArticleKey)];
}

export function ArticlePage() {
  const { config: urlConfig, notices: configNotices, ready, setConfig: setUrlConfig, dismissNotices: dismissConfigNotices } = useUrlConfig();
  const [linkNotices, dismissLinkNotices] = useLinkNotices(readArticleLink);
  const notices = useMemo(() => [...configNotices, ...linkNotices], [configNotices, linkNotices]);
  const dismissNotices = useCallback(() => {
    dismissConfigNotices();
    dismissLinkNotices();
  }, [dismissConfigNotices, dismissLinkNotices]);
  // The same object while the values stay the same: reading a default URL after hydration
  // then updates no Suspense boundary that is still waiting for its code.
  const configJson = JSON.stringify(urlConfig);
  const config = useMemo(() => JSON.parse(configJson) as Config, [configJson]);
  // Every change is made consistent (g divides the heads, K fits the layers) before it is used.
  const setConfig = useCallback<ArticleState['setConfig']>(
    (update) => setUrlConfig((previous) => normalizeConfig(typeof update === 'function' ? update(previous) : update).config),
    [setUrlConfig],
  );
  const result = useMemo(() => evaluate(config), [config]);
  const fid = useMemo(() => evaluate(vanillaFid(config)), [config]);
  const state: ArticleState = useMemo(() => ({ config, setConfig, result, fid }), [config, setConfig, result, fid]);
  const presenting = usePresenting();
  // The same element while `state` is unchanged, so a re-render of the page is no update
  // to the boundary (an update before its code arrives would replace the HTML with the placeholder).
  const controls = useMemo(
    () => (
      <Suspense fallback={<div className={styles.controlsPlaceholder} />}>
        <ArticleControls state={state} />
      </Suspense>
    ),
    [state],
  );
  useHashSettle(!presenting);

  if (presenting) {
    return (
      <Suspense fallback={<p>Loading lecture mode…</p>}>
        <ArticleLecture state={state} />
      </Suspense>
    );
  }

  return (
    <article className={styles.article} data-ready={ready ? 'true' : 'false'}>
      <header className={styles.intro}>
        <h1>Why Fusion-in-Decoder decoding is slow, and how FiDO fixes it</h1>
        <p>
          Fusion-in-Decoder reads dozens of retrieved passages to answer a question. Most of its arithmetic happens in the
          encoder, yet most of its time goes to the decoder. This article shows why, and how FiDO (de Jong et al., 2023)
          removes most of that time. Every number below is computed from the configuration you set, currently{' '}
          <strong data-number="model">{describeModel(config)}</strong>, and the whole configuration lives in the page URL.
        </p>
        <button type="button" onClick={() => enterLecture(0)}>
          Present as slides
        </button>
      </header>

      {notices.length > 0 && (
        <div className={styles.notices} role="alert">
          <p>Some values in the link could not be used as given:</p>
          <ul>
            {notices.map((n) => (
              <li key={`${n.key}-${n.reason}`}>
                <code>{n.key}={n.given}</code>: {n.reason}; {describeNoticeOutcome(n)}.
              </li>
            ))}
          </ul>
          <button type="button" onClick={dismissNotices}>
            Dismiss
          </button>
        </div>
      )}

      {controls}

      <nav aria-label="Sections" className={styles.toc}>
        <ol>
          {ARTICLE_SECTIONS.map(({ id, title }) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ol>
      </nav>

      {ARTICLE_SECTIONS.map(({ id, title, Section }, index) => (
        <section key={id} id={id} aria-labelledby={`${id}-heading`} className={styles.section}>
          <h2 id={`${id}-heading`}>
            <span className={styles.sectionNumber}>{index + 1}.</span> {title}
          </h2>
          <SectionLink id={id} title={title} config={config} />
          <Section state={state} mode="article" />
        </section>
      ))}
    </article>
  );
}
