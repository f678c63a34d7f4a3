// The browser's own file input (keyboard and screen-reader ready, no Fluent equivalent), labelled by a Fluent Field
// and dressed in Fluent tokens so its button looks like the console's other buttons.
import { Field, makeStyles, tokens } from '@fluentui/react-components';
import { type Ref } from 'react';

const useStyles = makeStyles({
  input: {
    maxWidth: '100%',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    '::file-selector-button': {
      marginRight: tokens.spacingHorizontalM,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
      minHeight: '32px',
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorNeutralBackground1,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderRadius: tokens.borderRadiusMedium,
      cursor: 'pointer',
    },
    ':hover::file-selector-button': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThick },
  },
});

export interface FilePickerProps {
  readonly label: string;
  /** The input's accessible name (what a screen reader says and what the UI test looks for). */
  readonly name: string;
  readonly accept: string;
  readonly multiple?: boolean;
  readonly inputRef: Ref<HTMLInputElement>;
}

export const FilePicker = ({ label, name, accept, multiple = false, inputRef }: FilePickerProps) => {
  const styles = useStyles();
  return (
    <Field label={label}>
      {(control) => <input ref={inputRef} id={control.id} className={styles.input} type="file" multiple={multiple} accept={accept} aria-label={name} />}
    </Field>
  );
};
