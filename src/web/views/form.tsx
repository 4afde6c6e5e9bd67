/** Form fields with their label, hint and error message, accessible and keeping what was typed. */
import type { ComponentChildren } from 'preact';

export interface FieldProps {
  name: string;
  label: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  hint?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
}

function describedBy(name: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Messages({
  name,
  hint,
  error,
}: {
  name: string;
  hint: string | undefined;
  error: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField({
  name,
  label,
  values,
  errors,
  hint,
  type = 'text',
  required,
  autocomplete,
}: FieldProps) {
  const error = errors[name];
  return (
    <div class="field">
      <label for={name}>
        {label}
        {required ? <span aria-hidden="true">（必填）</span> : null}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        value={values[name] ?? ''}
        required={required}
        autocomplete={autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
      <Messages name={name} hint={hint} error={error} />
    </div>
  );
}

export function TextArea({ name, label, values, errors, hint, required }: FieldProps) {
  const error = errors[name];
  return (
    <div class="field">
      <label for={name}>
        {label}
        {required ? <span aria-hidden="true">（必填）</span> : null}
      </label>
      <textarea
        id={name}
        name={name}
        rows={5}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {values[name] ?? ''}
      </textarea>
      <Messages name={name} hint={hint} error={error} />
    </div>
  );
}

export function SelectField(props: FieldProps & { options: readonly (readonly [string, string])[] }) {
  const { name, label, values, errors, hint, required, options } = props;
  const error = errors[name];
  return (
    <div class="field">
      <label for={name}>
        {label}
        {required ? <span aria-hidden="true">（必填）</span> : null}
      </label>
      <select
        id={name}
        name={name}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        <option value="">请选择</option>
        {options.map(([value, text]) => (
          <option value={value} selected={values[name] === value}>
            {text}
          </option>
        ))}
      </select>
      <Messages name={name} hint={hint} error={error} />
    </div>
  );
}

/** The list of every problem at the top of a form, linking to each field. */
export function ErrorSummary({
  errors,
  labels,
}: {
  errors: Record<string, string>;
  labels: Record<string, string>;
}) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="errors" role="alert" tabindex={-1} id="error-summary">
      <h2>请修改以下{entries.length}处内容后再提交</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${field}`}>
              {labels[field] ?? '表单'}：{message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Fieldset({ legend, children }: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
