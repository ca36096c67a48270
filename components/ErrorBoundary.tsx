import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What failed, for the message: "the Contacts view", "the row of Ada". */
  what: string;
  /** Ways to still reach the record when it cannot be drawn: a link to it, Delete. */
  actions?: ReactNode;
  /** A new value (another route, a changed record) tries drawing again. */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

const BOX = {
  border: '1px solid #b3261e',
  borderRadius: 4,
  padding: '4px 8px',
  color: '#7a1a14',
  background: '#fdf0ef',
  display: 'flex',
  flexWrap: 'wrap',
  gap: 8,
  alignItems: 'center',
  // Spans a whole grid row (a table row of cells), ignored elsewhere.
  gridColumn: '1 / -1',
} as const;

/**
 * Keeps one broken record or view from blanking the page: it says what failed, leaves the rest
 * working, and keeps the record reachable through `actions`. Used by the dashboard, the popup
 * and the panel alike, so it carries its own minimal styling.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Last Impression could not show ${this.props.what}`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" data-testid="li-error-boundary" style={BOX}>
        <span>
          Couldn’t show {this.props.what}: {error.message || 'an unexpected error'}. Everything else
          still works.
        </span>
        {this.props.actions}
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
