import type { CSSProperties } from 'react';

/** The input's selection, mirrored so the slots can show the caret and the selected digits. */
export interface Selection {
  start: number;
  end: number;
}

/**
 * The visible digit slots: derived from the one real `<input>` (value, selection, focus) and hidden
 * from assistive technology, which reads the input itself.
 */
export function CodeSlots({
  length,
  value,
  placeholder,
  selection,
  focused,
}: {
  length: number;
  value: string;
  placeholder: string | undefined;
  selection: Selection;
  focused: boolean;
}) {
  return (
    <div
      className="mfa-code-input__slots"
      data-mfa-part="slots"
      aria-hidden="true"
      dir="ltr"
      style={{ '--mfa-code-length': length } as CSSProperties}
    >
      {Array.from({ length }, (_, index) => (
        <CodeSlot
          // Slots are positions, not list items: the index is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed positional slots
          key={index}
          char={value[index]}
          placeholder={placeholder?.[index]}
          active={focused && isSlotActive(index, selection, length)}
          // The caret stays in the DOM when focus leaves and CSS hides it: removing a node during
          // blur (focus briefly on <body>) makes Radix's focus scope pull focus back to a dialog's
          // frame, trapping Tab (measured in Chromium: Tab from the field landed on the dialog).
          caret={selection.start === selection.end && selection.start === index}
          focused={focused}
        />
      ))}
    </div>
  );
}

function isSlotActive(index: number, selection: Selection, length: number): boolean {
  if (selection.start !== selection.end) return index >= selection.start && index < selection.end;
  // With the caret after the last digit of a full code, the last slot stays highlighted.
  return index === Math.min(selection.start, length - 1);
}

function CodeSlot({
  char,
  placeholder,
  active,
  caret,
  focused,
}: {
  char: string | undefined;
  placeholder: string | undefined;
  active: boolean;
  caret: boolean;
  focused: boolean;
}) {
  // The placeholder gives way to the caret only while the field has focus (the caret is hidden otherwise).
  const showPlaceholder = !char && placeholder !== undefined && !(caret && focused);
  return (
    <div
      className="mfa-code-input__slot"
      data-mfa-part="slot"
      data-active={active ? '' : undefined}
      data-filled={char ? '' : undefined}
      data-placeholder={showPlaceholder ? '' : undefined}
    >
      {char ?? (showPlaceholder ? placeholder : '')}
      {caret && !char ? <span className="mfa-code-input__caret" data-mfa-part="caret" /> : null}
    </div>
  );
}
