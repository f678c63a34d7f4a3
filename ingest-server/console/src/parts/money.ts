// Amounts arrive as integer strings (never floats): group the digits for display without converting to a number.
export const moneyText = (amount: string | null | undefined): string => {
  if (amount === null || amount === undefined || !/^-?\d+$/.test(amount)) return '—';
  const negative = amount.startsWith('-');
  const digits = negative ? amount.slice(1) : amount;
  return `${negative ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
};

export const percentText = (percent: number | null): string => (percent === null ? '—' : `${percent.toFixed(1)}%`);
