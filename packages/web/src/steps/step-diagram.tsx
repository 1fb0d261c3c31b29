export interface DiagramStep {
  readonly key: string;
  readonly name: string;
  readonly description?: string | null | undefined;
  readonly technique?: string | null | undefined;
  /** False: a step of the canonical process that no source places here. */
  readonly here: boolean;
}

interface Props {
  readonly steps: readonly DiagramStep[];
  readonly label: string;
}

/**
 * A process route as a step diagram: an ordered list drawn as boxes joined by arrows
 * (in a row that wraps; a column on a phone). Steps no source places here stay in the
 * picture, faded and said so in words, so the route reads against the whole process.
 */
export function StepDiagram({ steps, label }: Props) {
  return (
    <ol class="steps" aria-label={label}>
      {steps.map((step, index) => (
        <li key={step.key} class={step.here ? "step step-here" : "step step-elsewhere"} data-step={step.key}>
          <span class="step-number" aria-hidden="true">
            {index + 1}
          </span>
          <span class="step-name">{step.name}</span>
          {step.technique && <span class="step-technique">{step.technique}</span>}
          <span class={step.here ? "step-where" : "step-where muted"}>{step.here ? "done here" : "not reported here"}</span>
        </li>
      ))}
    </ol>
  );
}
