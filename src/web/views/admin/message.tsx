/** A short back-office message page (forbidden, expired form, too many attempts). */
import { renderAdminPage } from './admin-layout.tsx';

export function renderMessagePage(title: string, message: string, back = '/admin'): string {
  return renderAdminPage({
    title,
    children: (
      <>
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href={back}>返回</a>
        </p>
      </>
    ),
  });
}
