// Every refusal a service can give has one HTTP answer: a client-error status, a code and a zh-TW message with its
// parameters filled in.
import { proseProblems } from '../../../test/support/prose';
import { REFUSAL_CODES } from '../services/result';
import { refusalAnswer, REFUSALS } from './refusals';

describe('REFUSALS', () => {
  it('answers every code with a 4xx status (503 for a busy server), a code and a message in zh-TW', () => {
    expect(Object.keys(REFUSALS).sort()).toEqual([...REFUSAL_CODES].sort());
    for (const code of REFUSAL_CODES) {
      const answer = refusalAnswer({ code, params: { ubn: '12345678', username: 'x', latest: 2, problem: 'common', until: '2026-12-07T01:02:03.000Z', role: 'local_gov', status: 'submitted', decision: 'approve' } });
      const busy = code === 'upload.busy' || code === 'upload.queue_full' || code === 'upload.shutting_down';
      expect(busy ? answer.status === 503 : answer.status >= 400 && answer.status < 500).toBe(true);
      expect(answer.code).toMatch(/^[a-z_]+$/);
      expect(answer.message).toMatch(/[\u4e00-\u9fff]/);
      // read once as a reader: no doubled punctuation or repeated words
      expect(proseProblems(answer.message)).toEqual([]);
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
    // until when, on Taipei's 民國 date and clock, rounded up to the first whole minute after the wait
    expect(refusalAnswer({ code: 'auth.rate_limited', params: { until: '2026-12-07T01:02:03.000Z' } })).toEqual({
      status: 429,
      code: 'rate_limited',
      message: '登入失敗次數過多，請於民國115年12月7日 09:03 後再試',
    });
    expect(refusalAnswer({ code: 'auth.rate_limited', params: { until: '2026-12-07T15:59:00.000Z' } }).message).toBe('登入失敗次數過多，請於民國115年12月7日 23:59 後再試');
    expect(refusalAnswer({ code: 'auth.weak_password', params: { problem: 'contains_username' } }).message).toBe('新密碼不符密碼規則：密碼不可等於或包含帳號名稱');
    expect(refusalAnswer({ code: 'user.weak_password', params: { problem: 'common' } }).message).toBe('此密碼是常見或已外洩的密碼，請改用他人猜不到的密碼');
  });
});
