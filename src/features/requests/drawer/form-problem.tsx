/** The submit button of a drawer form and, below it, why the last submit was refused. */
export function SubmitWithProblem({ label, problem }: { label: string; problem: string | null }) {
  return (
    <>
      <button type="submit" className="drawer-btn">
        {label}
      </button>
      {problem ? (
        <p role="alert" className="drawer-form-error">
          {problem}
        </p>
      ) : null}
    </>
  );
}
