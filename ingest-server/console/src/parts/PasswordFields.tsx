// A new password typed twice, with the password policy's first problems shown as one types (PASSWORD_PROBLEM_LABELS);
// the rest of the policy (common, guessable, the user name) is the server's answer on submit.
import { Field, Input } from '@fluentui/react-components';
import { PASSWORD_PROBLEM_LABELS } from '@portfund/api-contract';

/** What can be told without the server: length and letters + digits. */
export const localPasswordProblem = (password: string): string | null => {
  if (password.length < 10) return PASSWORD_PROBLEM_LABELS.too_short;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return PASSWORD_PROBLEM_LABELS.letters_and_digits;
  return null;
};

export const newPasswordReady = (password: string, confirm: string): boolean => localPasswordProblem(password) === null && password === confirm;

export interface PasswordFieldsProps {
  readonly password: string;
  readonly confirm: string;
  readonly onPassword: (value: string) => void;
  readonly onConfirm: (value: string) => void;
  readonly label?: string;
}

export const PasswordFields = ({ password, confirm, onPassword, onConfirm, label = '新密碼' }: PasswordFieldsProps) => {
  const problem = password === '' ? null : localPasswordProblem(password);
  const mismatch = confirm !== '' && confirm !== password;
  return (
    <>
      <Field
        label={label}
        required
        validationState={problem === null ? (password === '' ? 'none' : 'success') : 'warning'}
        validationMessage={problem ?? (password === '' ? '至少 10 個字元，須同時包含英文字母與數字；避免常見字詞、鍵盤排列、年份與帳號名稱' : '長度與字元種類符合，送出時會再檢查是否容易被猜到')}
      >
        <Input type="password" value={password} onChange={(_e, d) => onPassword(d.value)} autoComplete="new-password" name="new-password" />
      </Field>
      <Field label={`再輸入一次${label}`} required validationState={mismatch ? 'error' : 'none'} validationMessage={mismatch ? '兩次輸入的密碼不一致' : undefined}>
        <Input type="password" value={confirm} onChange={(_e, d) => onConfirm(d.value)} autoComplete="new-password" name="confirm-password" />
      </Field>
    </>
  );
};
