"""News bodies: the Markdown a maintainer writes, turned into HTML for the news page and the Atom feed."""
import markdown as python_markdown

_MARKDOWN = python_markdown.Markdown(output_format="html")  # made once: setting up a converter costs more than a news body


def markdown_text(text: str) -> str:
    """Render a Markdown field; any HTML typed into it is shown as text, not run."""
    neutralised = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN.reset().convert(neutralised)
