import { totalWithoutCounting } from './pagination';

describe('totalWithoutCounting', () => {
  it('takes the total from a page that is neither full nor past the end', () => {
    expect(totalWithoutCounting({ limit: 20, offset: 0 }, 7)).toBe(7);
    expect(totalWithoutCounting({ limit: 20, offset: 40 }, 3)).toBe(43);
    expect(totalWithoutCounting({ limit: 20, offset: 0 }, 0)).toBe(0);
  });

  it('leaves a full page and an empty page past the start to a count', () => {
    expect(totalWithoutCounting({ limit: 20, offset: 0 }, 20)).toBeNull();
    expect(totalWithoutCounting({ limit: 20, offset: 60 }, 20)).toBeNull();
    expect(totalWithoutCounting({ limit: 20, offset: 60 }, 0)).toBeNull();
  });
});
