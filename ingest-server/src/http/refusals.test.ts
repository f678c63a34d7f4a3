// Every refusal a service can give has one HTTP answer: a client-error status, a code and a zh-TW message with its
// parameters filled in.
import { REFUSAL_CODES } from '../services/result';
import { refusalAnswer, REFUSALS } from './refusals';

describe('REFUSALS', () => {
  it('answers every code with a 4xx status (503 for a busy server), a code and a message in zh-TW', () => {
    expect(Object.keys(REFUSALS).sort()).toEqual([...REFUSAL_CODES].sort());
    for (const code of REFUSAL_CODES) {
      const answer = refusalAnswer({ code, params: { ubn: '12345678', username: 'x', latest: 2, problem: '密碼至少 10 個字元', role: 'local_gov', status: 'submitted', decision: 'approve' } });
      expect(code === 'upload.busy' ? answer.status === 503 : answer.status >= 400 && answer.status < 500).toBe(true);
      expect(answer.code).toMatch(/^[a-z_]+$/);
      expect(answer.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('tells a client of a busy server when to retry', () => {
    expect(refusalAnswer({ code: 'upload.busy', params: { seconds: 30 } })).toEqual({ status: 503, code: 'busy', message: '伺服器目前正在接收大量上傳檔案，請於 30 秒後再上傳' });
  });

  it('fills the parameters in', () => {
    expect(refusalAnswer({ code: 'review.superseded', params: { latest: 3 } })).toEqual({
      status: 409,
      code: 'superseded',
      message: '此申報已有較新的版本（第 3 版），請審核最新版本；舊版本只能退回或否決',
    });
    expect(refusalAnswer({ code: 'review.wrong_state', params: { role: 'local_gov', status: 'submitted', decision: 'approve' } }).message).toBe('此申報目前為「已提交」，無法「核准」，目前可「受理」');
    expect(refusalAnswer({ code: 'user.username_taken', params: { username: 'amy' } })).toEqual({ status: 409, code: 'conflict', message: '帳號 amy 已存在' });
  });
});
