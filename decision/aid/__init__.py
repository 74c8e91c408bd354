"""What the browser calls: one step of an aid, answers from a form, fragments and the HTML it returns."""
