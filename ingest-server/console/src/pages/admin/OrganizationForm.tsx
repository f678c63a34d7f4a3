// One form for a new organisation and for editing one: name, code, the local government of a union (ministry
// administrators choose it; a local government's unions are its own), the UBN of a new union, the contact.
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { type Organization, type User } from '@portfund/api-contract';
import { api } from '../../api';
import { ErrorBar } from '../../parts/ErrorBar';
import { useLayoutStyles } from '../../parts/layout';

export interface OrganizationFormProps {
  readonly user: User;
  /** Every organisation within reach (the local governments a union may belong to). */
  readonly organizations: readonly Organization[];
  /** The organisation edited; none: a new one. */
  readonly existing?: Organization;
  readonly onSaved: (o: Organization) => void;
}

export const OrganizationForm = ({ user, organizations, existing, onSaved }: OrganizationFormProps) => {
  const layout = useLayoutStyles();
  const [kind, setKind] = useState<string>(existing?.kind ?? (user.role === 'ministry' ? 'local_gov' : 'union'));
  const [name, setName] = useState(existing?.name ?? '');
  const [ubn, setUbn] = useState('');
  const [parentId, setParentId] = useState(existing?.parentId === null || existing === undefined ? '' : String(existing.parentId));
  const [code, setCode] = useState(existing?.code ?? '');
  const [contactName, setContactName] = useState(existing?.contactName ?? '');
  const [contactPhone, setContactPhone] = useState(existing?.contactPhone ?? '');
  const [contactEmail, setContactEmail] = useState(existing?.contactEmail ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const locals = organizations.filter((o) => o.kind === 'local_gov');
  const choosesParent = user.role === 'ministry' && kind === 'union';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return setError('請填寫名稱');
    if (existing === undefined && kind === 'union' && !/^\d{8}$/.test(ubn.trim())) return setError('工會須填 8 碼數字的統一編號');
    if (choosesParent && parentId === '') return setError('請選擇工會所屬的地方主管機關');
    setBusy(true);
    setError(null);
    setSaved(false);
    const contact = { contactName: contactName.trim(), contactPhone: contactPhone.trim(), contactEmail: contactEmail.trim() };
    const r =
      existing === undefined
        ? await api.createOrganization({
            kind: kind as 'local_gov' | 'union',
            name: name.trim(),
            ...(kind === 'union' ? { ubn: ubn.trim() } : {}),
            ...(choosesParent ? { parentId: Number(parentId) } : {}),
            ...(code.trim() === '' ? {} : { code: code.trim() }),
            ...contact,
          })
        : await api.updateOrganization(existing.id, {
            name: name.trim(),
            code: code.trim(),
            ...(choosesParent && Number(parentId) !== existing.parentId ? { parentId: Number(parentId) } : {}),
            ...contact,
          });
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setSaved(true);
    if (existing === undefined) {
      setName('');
      setUbn('');
      setCode('');
      setContactName('');
      setContactPhone('');
      setContactEmail('');
    }
    onSaved(r.value);
  };

  return (
    <form className={layout.stack} onSubmit={(e) => void submit(e)} aria-label={existing === undefined ? '新增機關' : '修改機關資料'}>
      <div className={layout.row}>
        {existing === undefined && user.role === 'ministry' && (
          <Field label="類別">
            <Select value={kind} onChange={(_e, d) => setKind(d.value)}>
              <option value="local_gov">地方主管機關</option>
              <option value="union">工會</option>
            </Select>
          </Field>
        )}
        <Field label="名稱" required>
          <Input value={name} onChange={(_e, d) => setName(d.value)} />
        </Field>
        {existing === undefined && kind === 'union' && (
          <Field label="統一編號" required>
            <Input value={ubn} inputMode="numeric" maxLength={8} onChange={(_e, d) => setUbn(d.value)} />
          </Field>
        )}
        {choosesParent && (
          <Field label="所屬地方主管機關" required>
            <Select value={parentId} onChange={(_e, d) => setParentId(d.value)}>
              <option value="">請選擇</option>
              {locals.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label="代碼">
          <Input value={code} onChange={(_e, d) => setCode(d.value)} />
        </Field>
      </div>
      <div className={layout.row}>
        <Field label="聯絡人">
          <Input value={contactName} onChange={(_e, d) => setContactName(d.value)} />
        </Field>
        <Field label="聯絡電話">
          <Input value={contactPhone} type="tel" onChange={(_e, d) => setContactPhone(d.value)} />
        </Field>
        <Field label="聯絡電子郵件">
          <Input value={contactEmail} type="email" onChange={(_e, d) => setContactEmail(d.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? '儲存中…' : existing === undefined ? '建立' : '儲存變更'}
        </Button>
      </div>
      <ErrorBar error={error} />
      {saved && existing !== undefined && (
        <p className={layout.paragraph} role="status">
          已儲存。
        </p>
      )}
    </form>
  );
};
