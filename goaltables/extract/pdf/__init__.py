"""PDF reports: goal tables found among a long report's pages and rebuilt with pdfplumber."""
