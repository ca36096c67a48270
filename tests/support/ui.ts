// Component tests: import render, screen and userEvent from here in a file that starts with
// `// @vitest-environment jsdom`. Vitest's globals are off, so Testing Library cannot unmount
// on its own: this registers the clean-up for every file that uses it.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(cleanup);

export { render, screen, within } from '@testing-library/react';
export { default as userEvent } from '@testing-library/user-event';
