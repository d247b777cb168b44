/** While the first call to the engine is under way (or if it failed). */
export function StartupScreen({ error }: { error: string | null }) {
  return (
    <main className="startup" data-testid="startup">
      <h1 className="brand">Tracelight</h1>
      {error ? (
        <p className="error-text" role="alert">
          Could not reach the engine: {error}
        </p>
      ) : (
        <p className="muted">Connecting to engine…</p>
      )}
    </main>
  );
}
