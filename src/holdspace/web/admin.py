"""The admin's page: who has an account and in what role. Admins see no client data."""

from __future__ import annotations

from fastapi import APIRouter, Request

from holdspace.privacy import accounts
from holdspace.web.deps import Admin, Db, render

pages = APIRouter()


@pages.get("/admin/users")
def users_page(request: Request, db: Db, user: Admin):
    return render(request, "admin/users.html", users=accounts.list_users(db))
