import type { CheckResult, Outcome, Step } from '@/lib/claims/types';
import { VERDICT_LABEL } from '@/lib/claims/engine';
import { VerdictBadge } from './Verdict';
import styles from './claims.module.css';

/** A release as a step cites it. */
export interface ReleaseRef {
  readonly citation: string;
  readonly url: string;
}

const OUTCOME_WORDS: Record<Outcome, string> = { yes: 'holds', no: 'does not hold', unclear: 'cannot tell' };

function StepItem({ step, releases }: { readonly step: Step; readonly releases: Readonly<Record<string, ReleaseRef>> }) {
  if (step.kind === 'figure') {
    const r = releases[step.sourceId];
    return (
      <li data-step="figure" data-source={step.sourceId}>
        {step.text}
        {r && <span className={styles.release}>{r.url ? <a href={r.url}>{r.citation}</a> : r.citation}</span>}
      </li>
    );
  }
  if (step.kind === 'test') {
    return (
      <li data-step="test" data-outcome={step.outcome}>
        <span className={styles[step.outcome]}>{step.text}</span>
      </li>
    );
  }
  return <li data-step={step.kind}>{step.text}</li>;
}

/** Steps in blocks: a note ending in ":" heads a block (one base year, one like-for-like series), each numbered from 1. */
export function Steps({ steps, releases }: { readonly steps: readonly Step[]; readonly releases: Readonly<Record<string, ReleaseRef>> }) {
  const blocks: { head: string | undefined; steps: Step[] }[] = [];
  for (const st of steps) {
    if (st.kind === 'note' && st.text.endsWith(':')) blocks.push({ head: st.text.slice(0, -1), steps: [] });
    else {
      if (!blocks.length) blocks.push({ head: undefined, steps: [] });
      blocks[blocks.length - 1]!.steps.push(st);
    }
  }
  return (
    <>
      {blocks.map((b, i) => (
        <div key={i} data-steps={b.head ?? ''}>
          {b.head && <p className={styles.stepHead}>{b.head}</p>}
          <ol className={styles.steps}>
            {b.steps.map((s, j) => (
              <StepItem key={j} step={s} releases={releases} />
            ))}
          </ol>
        </div>
      ))}
    </>
  );
}

/**
 * One check of a claim: the words it tests, what is checked in plain English, the arithmetic step
 * by step with each figure's release, readings side by side (base years, like for like), the
 * figures of the time against today's, the caveats, and for what cannot be checked, what would.
 */
export function CheckDetail({ check, index, releases, dated }: { readonly check: CheckResult; readonly index: number; readonly releases: Readonly<Record<string, ReleaseRef>>; readonly dated: boolean }) {
  const revised = check.figures.filter((f) => f.revised || (dated && f.then && f.then.text !== f.now.text));
  const unknownThen = dated ? check.figures.filter((f) => !f.then) : [];
  const cite = (id: string) => releases[id]?.citation ?? id;
  return (
    <section className={styles.check} aria-labelledby={`check-${index}`} data-check={index} data-form={check.form} data-verdict={check.verdict}>
      <h3 id={`check-${index}`}>
        <span className={styles.says}>&ldquo;{check.says}&rdquo;</span> <VerdictBadge verdict={check.verdict} label={VERDICT_LABEL[check.verdict]} />
      </h3>
      <p>
        <strong>What is checked:</strong> {check.spec}
      </p>
      {check.note && <p className={styles.note}>How it is read: {check.note}</p>}
      {check.alternatives.length > 0 && (
        <div className={styles.tableWrap}>
          <table data-table="alternatives" className={styles.stack}>
            <caption>Side by side: each defensible reading</caption>
            <thead>
              <tr>
                <th scope="col">Reading</th>
                <th scope="col">Figures</th>
                <th scope="col">Result</th>
                <th scope="col">Verdict</th>
                <th scope="col">Breaks crossed</th>
              </tr>
            </thead>
            <tbody>
              {check.alternatives.map((a) => (
                <tr key={a.label} data-role={a.role}>
                  <th scope="row">{a.label}</th>
                  <td data-label="Figures">{a.figures}</td>
                  <td data-label="Result" className="num">
                    {a.result}
                  </td>
                  <td data-label="Verdict" className={styles.outcome}>
                    <span className={styles[a.outcome]}>{OUTCOME_WORDS[a.outcome]}</span>
                    {a.role === 'like-for-like' && <span className={styles.release}>informs the verdict</span>}
                  </td>
                  <td data-label="Breaks crossed">{a.crosses.length ? a.crosses.join('; ') : 'none'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {check.form === 'unverifiable' ? (
        <>
          <p>
            <strong>Why these data cannot check it:</strong> {check.short}
          </p>
          <p className={styles.needs}>
            <strong>What data would:</strong> {check.needs}
          </p>
        </>
      ) : (
        <>
          <h4>Step by step</h4>
          <Steps steps={check.steps} releases={releases} />
        </>
      )}
      {(revised.length > 0 || unknownThen.length > 0) && (
        <div className={styles.tableWrap}>
          <table data-table="revisions" className={styles.stack}>
            <caption>Figures of the time and today&rsquo;s</caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">Today</th>
                <th scope="col">{dated ? 'When the claim was made' : 'Earlier releases'}</th>
              </tr>
            </thead>
            <tbody>
              {[...revised, ...unknownThen.filter((f) => !revised.includes(f))].map((f) => (
                <tr key={f.key} data-figure={f.key}>
                  <th scope="row">{f.label}</th>
                  <td data-label="Today">
                    {f.now.text}
                    <span className={styles.release}>{cite(f.now.sourceId)}</span>
                  </td>
                  <td data-label={dated ? 'When the claim was made' : 'Earlier releases'}>
                    {dated ? (
                      f.then ? (
                        <>
                          {f.then.text}
                          <span className={styles.release}>{cite(f.then.sourceId)}</span>
                        </>
                      ) : (
                        <span className={styles.release}>Not in these data: every release of this figure they hold came out after the claim.</span>
                      )
                    ) : (
                      f.history.map((h) => (
                        <span key={h.sourceId} className={styles.release}>
                          {h.text}: {cite(h.sourceId)}
                        </span>
                      ))
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {check.then && (
        <details>
          <summary>
            On the figures of the time: {VERDICT_LABEL[check.then.verdict].toLowerCase()} ({check.then.short})
          </summary>
          <Steps steps={check.then.steps} releases={releases} />
        </details>
      )}
      {check.caveats.length > 0 && (
        <>
          <h4>Caveats</h4>
          <ul className={styles.caveats}>
            {check.caveats.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
