"""``draftkit serve``: the local browser app over the same model, files and rules as the
command line. ``server`` binds 127.0.0.1 and runs uvicorn; ``webapp`` builds the app
(``create_app``) from the route list of ``routes``; ``guard`` checks every request's
token, Host and Origin and turns a crash into a Chinese page; ``pages`` renders our own
templates (templates/*.html, autoescaped: a user's value is always text); ``files`` keeps
every name inside the served folder. Our own small script (static/draftkit.js) posts
forms and swaps the parts of a page that change; no code of others is shipped."""
