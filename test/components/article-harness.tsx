/** Renders one article section with a live configuration, as ArticlePage does. */
import { render } from '@testing-library/react';
import { useMemo, useState, type ComponentType } from 'react';
import type { ArticleMode, ArticleState, SectionProps } from '@/components/article/sections';
import type { Config } from '@/lib/config/config';
import { vanillaFid } from '@/lib/config/presets';
import { evaluate } from '@/lib/cost';

function Harness({ Section, initial, mode }: { Section: ComponentType<SectionProps>; initial: Config; mode: ArticleMode }) {
  const [config, setConfigState] = useState(initial);
  const setConfig: ArticleState['setConfig'] = (update) => setConfigState((c) => (typeof update === 'function' ? update(c) : update));
  const result = useMemo(() => evaluate(config), [config]);
  const fid = useMemo(() => evaluate(vanillaFid(config)), [config]);
  return <Section state={{ config, setConfig, result, fid }} mode={mode} />;
}

export function renderSection(Section: ComponentType<SectionProps>, initial: Config, mode: ArticleMode = 'article') {
  return render(<Harness Section={Section} initial={initial} mode={mode} />);
}

/** Text of the prose number marked `data-number="name"`. */
export function proseNumber(name: string, container: ParentNode = document): string {
  const element = container.querySelector(`[data-number="${name}"]`);
  if (!element) throw new Error(`no number "${name}" in the section`);
  return element.textContent ?? '';
}
